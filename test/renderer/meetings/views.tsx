// Renders a stored record as the 工作记录 page shows it, with its branch, roster and venues read from the database.
import { render } from '@testing-library/react';
import { AppProviders } from '../../../renderer/src/app/providers';
import { db } from '../../../renderer/src/db/db';
import { listVenueChoices } from '../../../renderer/src/db/repositories/meetings';
import { MeetingView } from '../../../renderer/src/features/meetings/MeetingView';

export async function renderMeetingView(id: string, branchId: string) {
  const branch = (await db.branches.get(branchId))!;
  const members = await db.members.where('branchId').equals(branchId).toArray();
  const venues = await listVenueChoices(branchId);
  render(
    <AppProviders>
      <MeetingView id={id} branch={branch} members={members} venues={venues} />
    </AppProviders>,
  );
}
