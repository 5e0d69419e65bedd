import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** Same work as a real comparison, so unknown logins take as long as wrong passwords. */
let dummyHash: string | undefined;
export async function burnPasswordCheck(plain: string): Promise<void> {
  dummyHash ??= await bcrypt.hash("not-a-real-password", COST);
  await bcrypt.compare(plain, dummyHash);
}
