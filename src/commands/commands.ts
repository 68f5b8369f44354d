import { timestamp, todayLocal } from '../core/dates';
import { DEFAULT_PROFILE, parseProfile } from '../core/profile';
import { capabilities } from '../office/mode';
import { goTo, Run, validate } from '../office/validate';

/** The ribbon's 校验 button: check the open workbook without opening the pane, then show 汇总. */
async function validateCommand(event: Office.AddinCommands.Event): Promise<void> {
  const saved = Office.context.document.settings.get('certSweep.profile');
  const parsed = typeof saved === 'string' ? parseProfile(saved) : null;
  const profile = parsed && 'profile' in parsed ? parsed.profile : DEFAULT_PROFILE;
  const run = Excel.run as unknown as Run;
  const out = await validate(run, capabilities(Office.context.requirements), {
    checkDate: todayLocal(), profile, generatedAt: timestamp(new Date()),
  });
  if (out.ok) await goTo(run, '汇总', 'A1');
  else {
    // a ribbon command has no pane to speak in: show the message in a small dialog
    const url = `${location.origin}/taskpane.html?message=${encodeURIComponent(out.message)}`;
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 30 });
  }
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate('validate', validateCommand);
});
