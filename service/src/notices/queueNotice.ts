import type { Queryable } from '../db/pool';
import { insertNotice } from './noticeRepository';
import { noticeContent, noticeHtml, noticeText, type NoticeFacts } from './noticeContent';

/**
 * Records a notice to the account's billing administrator in the caller's transaction, once per
 * key: the id to deliver after commit, or undefined when this notice was already recorded.
 */
export async function queueNotice(
    db: Queryable,
    input: { accountId: string; key: string; facts: NoticeFacts; now: Date }
): Promise<string | undefined> {
    const content = noticeContent(input.facts);
    return insertNotice(db, {
        accountId: input.accountId,
        key: input.key,
        kind: input.facts.kind,
        subject: content.subject,
        text: noticeText(content),
        html: noticeHtml(content),
        now: input.now
    });
}
