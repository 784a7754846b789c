/**
 * A review round at a glance, for facilitators (`GET /api/labs/:labId/review`):
 * per item, how many threads and comments and how many threads are resolved;
 * who commented, with their profession (for "who took part" reports).
 */
import { DataTable } from '../../lib/DataTable';
import { Link } from '../../lib/navigation';
import { professionLabel } from './CommentView';
import type { ReviewRound } from '../../../shared/schemas/api-responses';
import { byProfession, roundTotals } from './review-round';

function Totals({ review }: { review: ReviewRound }) {
  const { comments, threads, resolved, people } = roundTotals(review);
  return (
    <p className="nhsuk-body-l" data-testid="review-totals">
      {comments} {comments === 1 ? 'comment' : 'comments'} from {people}{' '}
      {people === 1 ? 'person' : 'people'}. {resolved} of {threads}{' '}
      {threads === 1 ? 'thread' : 'threads'} resolved with a response.
    </p>
  );
}

export function ReviewSummary(props: { review: ReviewRound; itemHref(itemId: string): string }) {
  const { review, itemHref } = props;
  return (
    <>
      <Totals review={review} />
      <DataTable
        caption="Comments on each item"
        headings={['Item', 'Threads', 'Resolved', 'Comments and replies']}
        testId="review-items"
        rows={review.items.map((item) => ({
          key: item.itemId,
          cells: [
            <Link href={itemHref(item.itemId)} key="title">
              {item.title || 'Untitled'}
            </Link>,
            String(item.threads),
            `${item.resolved} of ${item.threads}`,
            String(item.comments),
          ],
        }))}
      />
      {review.commenters.length === 0 ? (
        <p className="nhsuk-body">Nobody has commented yet.</p>
      ) : (
        <>
          <DataTable
            caption="Who commented"
            headings={['Name', 'Profession', 'Comments']}
            testId="review-commenters"
            rows={review.commenters.map((person, index) => ({
              key: `${person.name}-${index}`,
              cells: [person.name, professionLabel(person.profession), String(person.comments)],
            }))}
          />
          <DataTable
            caption="By profession"
            headings={['Profession', 'People', 'Comments']}
            rows={byProfession(review.commenters).map((row) => ({
              key: row.profession,
              cells: [professionLabel(row.profession), String(row.people), String(row.comments)],
            }))}
          />
        </>
      )}
    </>
  );
}
