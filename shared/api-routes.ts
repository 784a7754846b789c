/**
 * Every route of the HTTP API as a contract (`api-contract.ts`), by resource:
 * the client calls these and the server answers through them. A test requests
 * each on a real server (`tests/integration/api-contracts.test.ts`).
 */
import { accountRoutes, authRoutes, tokenRoutes } from './api-routes/account-routes';
import { adminRoutes } from './api-routes/admin-routes';
import { groupRoutes } from './api-routes/group-routes';
import { commentRoutes, historyRoutes, itemRoutes } from './api-routes/item-routes';
import { inviteRoutes, labRoutes, memberRoutes, surveyRoutes } from './api-routes/lab-routes';
import { directoryRoutes } from './api-routes/network-routes';
import { notificationRoutes } from './api-routes/notification-routes';
import { myCommentsRoutes, personalDataRoutes } from './api-routes/personal-data-routes';
import { portfolioRoutes } from './api-routes/portfolio-routes';
import { workshopRoutes } from './api-routes/workshop-routes';

export const Api = {
  auth: authRoutes,
  account: accountRoutes,
  tokens: tokenRoutes,
  admin: adminRoutes,
  labs: labRoutes,
  members: memberRoutes,
  invites: inviteRoutes,
  survey: surveyRoutes,
  items: itemRoutes,
  comments: commentRoutes,
  history: historyRoutes,
  directory: directoryRoutes,
  groups: groupRoutes,
  myComments: myCommentsRoutes,
  notifications: notificationRoutes,
  personalData: personalDataRoutes,
  portfolio: portfolioRoutes,
  workshop: workshopRoutes,
} as const;
