/** What callers (and the browser) see of a stored document; the storage key stays inside lib. */
export type TDocumentView = {
  id: string;
  applicationId: string | null;
  slotKey: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  scanned: boolean;
  createdAt: Date;
};

export const documentViewSelect = {
  id: true,
  applicationId: true,
  slotKey: true,
  fileName: true,
  mimeType: true,
  size: true,
  sha256: true,
  scanned: true,
  createdAt: true,
} as const;
