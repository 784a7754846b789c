/** `/labs/<labId>/settings`: the lab's settings and archiving, for facilitators. */
import { ArchiveLab } from '../features/labs/ArchiveLab';
import { LabSettingsForm } from '../features/labs/LabSettingsForm';
import { PersonalDataSettingsForm } from '../features/labs/PersonalDataSettingsForm';
import { usePageTitle } from '../lib/use-page-title';
import { LabSubPage, may, useLab } from './lab-context';
import type { SignedIn } from './session';

export function LabSettingsPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab, reload] = useLab(session.api, labId);
  usePageTitle(lab.status === 'ready' ? `Settings – ${lab.data.title}` : 'Lab settings');
  return (
    <LabSubPage lab={lab} heading="Settings">
      {(current) =>
        may(session, current, 'lab.update') ? (
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <LabSettingsForm key={current.id} api={session.api} lab={current} onSaved={reload} />
              <PersonalDataSettingsForm
                key={`personal-data-${current.id}`}
                api={session.api}
                lab={current}
                onSaved={reload}
              />
              {may(session, current, 'lab.archive') && (
                <ArchiveLab api={session.api} lab={current} onArchived={reload} />
              )}
            </div>
          </div>
        ) : (
          <p>Only the lab’s facilitators can change its settings.</p>
        )
      }
    </LabSubPage>
  );
}
