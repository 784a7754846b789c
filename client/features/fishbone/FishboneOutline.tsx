/** The fishbone in words: each category with its causes, sub-causes nested ("why?"). */
import type { Fishbone, FishboneCause } from '../../../shared/diagrams/fishbone';

function Causes({ causes }: { causes: readonly FishboneCause[] }) {
  if (causes.length === 0) return null;
  return (
    <ul className="nhsuk-list nhsuk-list--bullet fishbone-outline__list">
      {causes.map((cause) => (
        <li key={cause.id}>
          {cause.label || '(no label yet)'}
          <Causes causes={cause.causes} />
        </li>
      ))}
    </ul>
  );
}

export function FishboneOutline({ fishbone }: { fishbone: Fishbone }) {
  return (
    <section aria-labelledby="fishbone-outline-heading" data-testid="fishbone-outline">
      <h2 className="nhsuk-heading-m" id="fishbone-outline-heading">
        Outline of the fishbone
      </h2>
      <p className="nhsuk-body">
        <strong>Effect:</strong> {fishbone.effect || 'not written yet'}
      </p>
      {fishbone.categories.length === 0 ? (
        <p className="nhsuk-body">No categories yet.</p>
      ) : (
        <ul className="nhsuk-list fishbone-outline__list">
          {fishbone.categories.map((category) => (
            <li key={category.id ?? 'other'}>
              <strong>{category.label || '(no label yet)'}</strong>
              {category.causes.length === 0 ? (
                ' (no causes yet)'
              ) : (
                <Causes causes={category.causes} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
