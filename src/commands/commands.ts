import '../webview/polyfills';
import { DEFAULT_PROFILE, parseProfile, timestamp, todayLocal } from '../core';
import { officeFailure } from '../office/errors';
import { officeCapabilities, officeRun } from '../office/run';
import { goTo, validate } from '../office/validate';
import { OFFICE_JS_MISSING, showNotice } from '../webview/notice';

/**
 * The dialog's page, next to this one: the add-in may live under a path (ADDIN_URL=https://host/sub/path/),
 * and a dialog must open on the add-in's own domain. The text travels in the query string (Chinese, and
 * the English line when there is one); message.html shows it as text.
 */
export function messageUrl(text: string, en?: string, page: string = location.href): string {
  const url = new URL('message.html', page);
  url.searchParams.set('text', text);
  if (en && en !== text) url.searchParams.set('en', en);
  return url.href;
}

/**
 * A ribbon command has no pane to speak in: show the text in a dialog. Resolves once the dialog is open (or
 * could not be opened): a function file that completes before that may lose the dialog. Never rejects.
 */
function showMessage(said: { message: string; en?: string }): Promise<void> {
  return new Promise((resolve) => {
    try {
      Office.context.ui.displayDialogAsync(messageUrl(said.message, said.en), { height: 40, width: 30 }, () => resolve());
    } catch {
      resolve();
    }
  });
}

/** The ribbon's 校验 button: check the open workbook without opening the pane, then show 汇总. */
export async function validateCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const saved = Office.context.document.settings.get('certSweep.profile');
    const parsed = typeof saved === 'string' ? parseProfile(saved) : null;
    const profile = parsed && 'profile' in parsed ? parsed.profile : DEFAULT_PROFILE;
    const out = await validate(officeRun, officeCapabilities(), {
      checkDate: todayLocal(), profile, generatedAt: timestamp(new Date()),
    });
    const shown = out.ok ? await goTo(officeRun, '汇总', 'A1') : out;
    if (!shown.ok) await showMessage(shown);
  } catch (e) {
    await showMessage(officeFailure(e));
  } finally {
    // Office waits for completed() before it runs another command from this add-in, whatever happened above
    event.completed();
  }
}

// office.js may be missing (no CDN, no same-origin copy): say so instead of failing on `Office`
if (typeof Office === 'undefined') showNotice(document.body, OFFICE_JS_MISSING);
else {
  Office.onReady(() => {
    Office.actions.associate('validate', validateCommand);
  });
}
