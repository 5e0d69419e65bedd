import Link from "next/link";

// Requests outside any locale (e.g. /xx/yy) land here; the localized 404 is app/[locale]/not-found.tsx.
export default function GlobalNotFound() {
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
