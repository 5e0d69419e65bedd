import { rgb } from "pdf-lib";

/** A4 in points and the layout shared by the table and the signature block. */
export const W = 595.28;
export const H = 841.89;
export const LEFT = 52;
export const RIGHT = W - 52;
/** Top and bottom of the signature block. */
export const BOX_TOP = 226;
export const BOX_BOTTOM = 74;
export const INK = rgb(0.08, 0.1, 0.14);
export const MUTED = rgb(0.32, 0.36, 0.42);
export const BRAND = rgb(0, 0.29, 0.35);
/** The PAdES signature widget lies over the signature block (left of the QR code). */
export const SIGNATURE_WIDGET_RECT: [number, number, number, number] = [LEFT, BOX_BOTTOM, RIGHT - 104 - 10, BOX_TOP];
