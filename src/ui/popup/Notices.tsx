// What the popup says when there is no profile to show: still loading,
// nothing recognized, or automatic reading turned off for this site.

/** Holds the space the status line and person card will take, so nothing jumps when they arrive. */
export function LoadingState() {
  return (
    <div class="loading" aria-hidden="false">
      <p class="status muted">Reading this tab…</p>
      <div class="placeholder placeholder--title" />
      <div class="placeholder placeholder--line" />
      <div class="placeholder placeholder--block" />
    </div>
  );
}

export function EmptyState() {
  return (
    <section class="empty">
      <h1>Nothing recognized on this tab</h1>
      <p>
        Open a researcher's profile on Google Scholar, DBLP, ORCID, Semantic Scholar, arXiv or another supported site and
        Scholar Lens saves it as you browse. Open this popup again to see the profile and its metrics. On any other article
        page, "Save this page" reads its citation data; on a page that lists publications, "Read this page" finds them.
      </p>
      <p class="muted">Everything stays in your browser.</p>
    </section>
  );
}

/** A supported site the user turned off: say so, offer one reading, and where to turn it back on. */
export function AutoOffNotice(props: { site: string; saving: boolean; onSave(): void; dashboardUrl: string }) {
  return (
    <section class="save" aria-label="Automatic reading is off">
      <p class="status status--warn" role="status">
        Automatic reading is off for {props.site}: this page was not read.
      </p>
      <button type="button" class="primary" onClick={props.onSave} disabled={props.saving}>
        {props.saving ? 'Reading this page…' : 'Save this page once'}
      </button>
      <p class="muted small">
        Turn it back on under “Sites” in the{' '}
        <a href={props.dashboardUrl} target="_blank" rel="noreferrer">
          dashboard
        </a>
        .
      </p>
    </section>
  );
}
