/**
 * How to comment, in plain words, for people new to this (patients, carers, the public).
 * Drawings and boards have no words to select, so their comments are on the whole draft.
 */
export function HowToComment({ wholeDraftOnly }: { readonly wholeDraftOnly: boolean }) {
  return (
    <div className="nhsuk-inset-text review-steps" data-testid="how-to-comment">
      <h2 className="nhsuk-heading-s">How to comment</h2>
      <ol className="nhsuk-list nhsuk-list--number">
        <li>Read the draft.</li>
        <li>
          {wholeDraftOnly
            ? 'Choose Comment on the whole draft, and say which part you mean (the words on a box or a note).'
            : 'Select the words you want to comment on, then choose Add a comment.'}
        </li>
        <li>Write your comment and choose Send comment. The team sees it straight away.</li>
      </ol>
      <p>
        {wholeDraftOnly ? '' : 'You can also comment on the whole draft. '}Below the draft you can
        see your comments and what the team did about them.
      </p>
    </div>
  );
}
