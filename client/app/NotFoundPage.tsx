import { Link } from '../lib/navigation';
import { usePageTitle } from '../lib/use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="nhsuk-heading-l">Page not found</h1>
      <p>
        Check the address, or <Link href="/">go to your labs</Link>.
      </p>
    </>
  );
}
