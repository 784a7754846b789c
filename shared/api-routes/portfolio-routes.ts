/** Contracts of the portfolio: every lab on one page, for those who run the programme. */
import { route, shape } from '../api-contract';
import { type PortfolioRow, PortfolioQuerySchema } from '../schemas/portfolio';

export const portfolioRoutes = {
  list: route.get('/portfolio', {
    query: PortfolioQuerySchema,
    answer: shape<{ labs: PortfolioRow[]; topics: string[] }>(),
  }),
};

/** The same rows, filtered by the same query, as a CSV download (below `/api`). */
export const PORTFOLIO_CSV_PATH = '/portfolio.csv';
