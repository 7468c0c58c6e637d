export function NotBuiltYet({ title, purpose }: { title: string; purpose: string }) {
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">{title}</h1>
      <p>{purpose}</p>
      <p className="notice" role="status">
        This area is not built yet. It is planned; nothing here is simulated or faked.
      </p>
    </section>
  );
}
