import Link from "next/link";
import { connection } from "next/server";

// Requests outside any locale (e.g. /xx/yy) land here; the localized 404 is app/[locale]/not-found.tsx.
// Rendered per request like every page, so that its scripts carry the CSP nonce (proxy.ts).
export default async function GlobalNotFound() {
  await connection();
  return (
    <html lang="kk">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <main>
          <h1>404</h1>
          <p>Бет табылмады · Страница не найдена · Page not found</p>
          <p>
            <Link href="/kk">Қазақша</Link> · <Link href="/ru">Русский</Link> · <Link href="/en">English</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
