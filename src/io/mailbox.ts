/**
 * A mailbox file (`.mbox`: the mboxo/mboxrd formats mail clients export) split into its messages.
 * Each message starts at a line `From sender date` (the "From_" line) at the start of the file or
 * after a line break; inside a message, a line the mail client had to escape (`>From the lab`,
 * mboxrd's `>>From`) loses one `>`. The messages' MIME content is read by the parser
 * (`src/parse/read-message.ts`), one issue per message.
 */

export interface MailboxMessage {
  /** 1-based position in the mailbox: the file is `<mailbox>#<index>`. */
  index: number;
  /** 1-based line of the mailbox on which the message's From_ line stands. */
  line: number;
  /** The message: its headers and body, without the From_ line. */
  text: string;
}

const FROM_LINE = /^From /;
const ESCAPED_FROM = /^>(>*From )/;

/** The messages of a mailbox; a text that does not start with a From_ line is one message. */
export function splitMailbox(text: string): MailboxMessage[] {
  const lines = text.split(/\r\n?|\n/);
  const messages: MailboxMessage[] = [];
  let current: string[] | null = null;
  let start = 1;
  const close = (): void => {
    if (current === null) return;
    while (current.length > 0 && current[current.length - 1] === '') current.pop();
    if (current.some((l) => l.trim() !== '')) messages.push({ index: messages.length + 1, line: start, text: `${current.join('\n')}\n` });
  };
  lines.forEach((line, i) => {
    if (FROM_LINE.test(line) && (i === 0 || lines[i - 1] === '' || current === null)) {
      close();
      current = [];
      start = i + 1;
      return;
    }
    if (current === null) {
      current = [];
      start = i + 1;
    }
    current.push(line.replace(ESCAPED_FROM, '$1'));
  });
  close();
  return messages;
}
