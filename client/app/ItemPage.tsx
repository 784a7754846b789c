/**
 * `/items/<itemId>`: the item's title, kind and my rights from the API, then the
 * co-editing view of its document (`OpenItem`).
 */
import { Link } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { itemSummary } from './early-item';
import { takeEarlyItemDoc } from './early-item-doc';
import { preloadItemBody } from './item-kind-code';
import { useLab } from './lab-context';
import { OpenItem } from './OpenItem';
import { paths } from './router';
import type { SignedIn } from './session';

function BackToLab({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  return (
    <Link className="nhsuk-back-link" href={paths.lab(labId)}>
      Back to {lab.status === 'ready' ? lab.data.title : 'the lab'}
    </Link>
  );
}

export function ItemPage(props: {
  session: SignedIn;
  itemId: string;
  onSessionEnded(): void;
  /** The session ended while this page was open. */
  signedOut: boolean;
}) {
  const { session, itemId, onSessionEnded, signedOut } = props;
  const [loaded, reload] = useApiData(`item:${itemId}`, async () => {
    const data = await itemSummary(session.api, itemId).catch((error: unknown) => {
      // Refused or missing: the document connected early is not going to be used.
      takeEarlyItemDoc(itemId)?.destroy();
      throw error;
    });
    // The page is drawn once the kind's code has come too: drawn before, its body would
    // wait behind a loading line that React holds for at least 300 ms (`lazy-component.ts`).
    await preloadItemBody(data.item.kind);
    return data;
  });
  usePageTitle(loaded.status === 'ready' ? loaded.data.item.title || 'Untitled' : 'Item');
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <LoadFailed error={loaded.error} />;
  const { item } = loaded.data;
  return (
    <>
      <BackToLab session={session} labId={item.labId} />
      <OpenItem
        key={item.id}
        session={session}
        item={item}
        onItemChanged={reload}
        onSessionEnded={onSessionEnded}
        signedOut={signedOut}
      />
    </>
  );
}
