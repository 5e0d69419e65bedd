export const STATIC_HEADERS: readonly { readonly key: string; readonly value: string }[];
