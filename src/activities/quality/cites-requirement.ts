/** An FR or NFR id: what traces an item; a threat id (TH-n) or a table name does not. */
export const REQUIREMENT_ID = /^N?FR-[0-9]+$/;

/** Whether the item cites at least one FR or NFR. Phase files stored before an item carried the list lack it. */
export function citesRequirement(item: { requirements?: string[] }): boolean {
  return (item.requirements ?? []).some((id) => REQUIREMENT_ID.test(id));
}
