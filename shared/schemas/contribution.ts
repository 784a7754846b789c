/** Who has edited which item, from when: what "working together" is read from. */
import * as z from 'zod';

export const ContributionRecordSchema = z.object({
  /** The lab of the item; for a group's notes, the group's id. */
  labId: z.string().min(1).max(64),
  /** The item, or a group's notes document. */
  itemId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
  firstAt: z.string().min(1),
});
export type ContributionRecord = z.infer<typeof ContributionRecordSchema>;
