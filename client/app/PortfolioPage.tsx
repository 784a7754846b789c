/**
 * `/portfolio`: every lab on one page, for site administrators and people who may
 * create labs (`mayCreateLab`), with filters and the same rows as CSV. Composes the
 * portfolio's table with the measure page's icons.
 */
import { useState } from 'react';
import { API_PREFIX } from '../../shared/api-contract';
import { Api } from '../../shared/api-routes';
import { PORTFOLIO_CSV_PATH } from '../../shared/api-routes/portfolio-routes';
import { mayCreateLab } from '../../shared/policy';
import type { PortfolioQuery } from '../../shared/schemas/portfolio';
import { MdcIconView } from '../features/measures/MdcIcons';
import { PortfolioFilters } from '../features/portfolio/PortfolioFilters';
import { PortfolioTable } from '../features/portfolio/PortfolioTable';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { SignedIn } from './session';
import '../features/measures/measures.css';

const searchOf = (query: PortfolioQuery) => {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return params ? `?${params}` : '';
};

export function PortfolioPage({ session }: { session: SignedIn }) {
  usePageTitle('Portfolio');
  const { api, actor } = session;
  const [query, setQuery] = useState<PortfolioQuery>({});
  const search = searchOf(query);
  const [found] = useApiData(`portfolio:${search}`, () => api.call(Api.portfolio.list, { query }));
  if (!mayCreateLab(actor)) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Portfolio</h1>
        <p>Only administrators and people who may create labs can see every lab.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="nhsuk-heading-l">Portfolio</h1>
      <p>
        Every lab at a glance. Survey results are shown only where at least 5 people answered both
        before and after, and never anyone’s own words.
      </p>
      <PortfolioFilters
        topics={found.status === 'ready' ? found.data.topics : []}
        onApply={setQuery}
      />
      <p>
        <a href={`${API_PREFIX}${PORTFOLIO_CSV_PATH}${search}`} download>
          Download these labs as CSV
        </a>
      </p>
      {found.status === 'loading' && <Loading />}
      {found.status === 'error' && <LoadFailed error={found.error} />}
      {found.status === 'ready' && (
        <PortfolioTable
          rows={found.data.labs}
          labHref={paths.lab}
          renderIcon={(icon) => <MdcIconView icon={icon} />}
        />
      )}
    </>
  );
}
