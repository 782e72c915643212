// Who a merged profile is and which saved pages it is built from: the top of
// the popup's profile and of the dashboard's person page. The popup shows it
// brief; the dashboard adds the person's ids, each page's own name for them,
// per-page actions, and whatever follows in the same panel (children).
import type { ComponentChildren } from 'preact';
import type { MergedPerson } from '../../core/merge/types';
import { siteName } from '../model/person-view';
import { DataLink, Each } from './data';

type Page = MergedPerson['pages'][number];

export interface PersonHeaderProps {
  person: MergedPerson;
  detail: 'brief' | 'full';
  /** Buttons after a page (dashboard curation). */
  pageActions?(page: Page): ComponentChildren;
  children?: ComponentChildren;
}

export function PersonHeader({ person, detail, pageActions, children }: PersonHeaderProps) {
  const full = detail === 'full';
  const pages = (
    <ul class={full ? 'pages' : 'sources small'} aria-label={full ? undefined : 'Pages this profile is built from'}>
      {person.pages.map((p) => (
        <li data-key={p.captureKey}>
          <DataLink url={p.url}>
            <bdi>{siteName(p.source)}</bdi>
          </DataLink>{' '}
          <span class={full ? 'muted small' : 'muted'}>
            {full && (
              <>
                “<bdi>{p.name}</bdi>”,{' '}
              </>
            )}
            captured <bdi>{p.capturedAt.slice(0, 10)}</bdi>
          </span>
          {pageActions && <> {pageActions(p)}</>}
        </li>
      ))}
    </ul>
  );
  return (
    <section class={full ? 'panel person' : 'person'} aria-labelledby="person-name">
      <h1 id="person-name" dir="auto">
        {person.name}
      </h1>
      {person.nameVariants.length > 1 && (
        <p class="variants small muted">
          Also seen as: <Each items={person.nameVariants.filter((v) => v !== person.name)} sep=" · " />
        </p>
      )}
      {person.affiliation && (
        <p class="affiliation" dir="auto">
          {person.affiliation}
        </p>
      )}
      {full && Object.keys(person.ids).length > 0 && (
        <p class="small muted">
          {Object.entries(person.ids).map(([k, v], i) => (
            <>
              {i > 0 && ' · '}
              {k}: <Each items={v ?? []} />
            </>
          ))}
        </p>
      )}
      {full && <h2>Pages</h2>}
      {pages}
      {children}
    </section>
  );
}
