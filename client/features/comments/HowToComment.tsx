/** How to comment, in plain words, for people new to this (patients, carers, the public). */
export function HowToComment() {
  return (
    <div className="nhsuk-inset-text review-steps" data-testid="how-to-comment">
      <h2 className="nhsuk-heading-s">How to comment</h2>
      <ol className="nhsuk-list nhsuk-list--number">
        <li>Read the draft.</li>
        <li>Select the words you want to comment on, then choose Add a comment.</li>
        <li>Write your comment and choose Send comment. The team sees it straight away.</li>
      </ol>
      <p>
        You can also comment on the whole draft. Below the draft you can see your comments and what
        the team did about them.
      </p>
    </div>
  );
}
