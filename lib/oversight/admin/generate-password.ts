import { randomInt } from "node:crypto";

// No look-alikes (0/O, 1/l/I) so the password can be read out or copied from paper.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random initial password (16 characters ≈ 93 bits), shown to the administrator once. */
export function generatePassword(length = 16): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
