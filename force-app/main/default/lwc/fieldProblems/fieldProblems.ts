/** A problem of one entered field, as core's rules (c/billingRules) name it. */
export interface FieldProblem {
    field: string;
    message: string;
}

/** A base input that shows its own error: lightning-input, -combobox, -textarea. */
interface ValidatedInput extends HTMLElement {
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
}

/**
 * Brings `target` into view and gives it the focus, so keyboard and screen-reader users land on what
 * just appeared (an authorization, a refusal, a field in error) even below the visible part of a
 * dialog or a card. jsdom has no scrollIntoView, hence the check.
 */
export function landOn(target: HTMLElement | null | undefined): void {
    if (!target) return;
    if (typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'nearest' });
    target.focus();
}

/**
 * Shows each problem on its field (the inputs carry `data-field`), clears the others, and moves the
 * focus to the first field in error so keyboard and screen-reader users land on it. True when
 * there is no problem: the form may go on to its authorization. With `focus: false` the focus stays
 * where it is (the form lands the admin on its own summary of the problems instead).
 */
export function showFieldProblems(
    root: ParentNode | null,
    problems: readonly FieldProblem[],
    { focus = true }: { focus?: boolean } = {}
): boolean {
    const inputs = Array.from(root?.querySelectorAll<ValidatedInput>('[data-field]') ?? []);
    let first: ValidatedInput | undefined;
    for (const input of inputs) {
        const problem = problems.find((candidate) => candidate.field === input.dataset.field);
        input.setCustomValidity(problem?.message ?? '');
        input.reportValidity();
        if (problem && !first) first = input;
    }
    if (focus) landOn(first);
    return problems.length === 0;
}

/** Clears the error of the field the admin is correcting. */
export function clearFieldProblem(input: EventTarget | null): void {
    const field = input as ValidatedInput | null;
    if (!field || typeof field.setCustomValidity !== 'function') return;
    field.setCustomValidity('');
    field.reportValidity();
}
