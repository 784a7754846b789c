/**
 * The portfolio (`../portfolio.ts`): every lab on one page, as JSON and as CSV, for
 * site administrators and anyone with the right to create labs — the people who run
 * the programme. Everyone else is refused, whatever labs they are in.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { PORTFOLIO_CSV_PATH } from '../../../shared/api-routes/portfolio-routes';
import { mayCreateLab } from '../../../shared/policy';
import { type PortfolioQuery, PortfolioQuerySchema } from '../../../shared/schemas/portfolio';
import { type ApiContext, type AppEnv, requireAuth } from '../context';
import { ApiError, Errors } from '../errors';
import { renderPortfolioCsv } from '../portfolio-csv';
import { portfolioRows } from '../portfolio';
import { reply } from '../reply';

function allowedQuery(c: ApiContext): PortfolioQuery {
  const auth = requireAuth(c);
  if (!mayCreateLab(auth.actor)) throw Errors.forbidden('see the portfolio');
  const parsed = PortfolioQuerySchema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_request', 'Check the filters: one is not one we know.');
  }
  return parsed.data;
}

export function portfolioRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(Api.portfolio.list.path, async (c) => {
    const found = await portfolioRows(c.get('deps'), allowedQuery(c));
    return reply(c, Api.portfolio.list, found);
  });
  routes.get(PORTFOLIO_CSV_PATH, async (c) => {
    const { labs } = await portfolioRows(c.get('deps'), allowedQuery(c));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="portfolio.csv"');
    return c.body(renderPortfolioCsv(labs));
  });
  return routes;
}
