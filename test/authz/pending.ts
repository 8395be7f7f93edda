/**
 * Route path prefixes whose authorization expectations are not written yet. The matrix skips
 * their "missing expectation" failure so the suite stays green while their areas are built.
 * Remove your prefix when you add your file in expectations/; this list should end up empty.
 */
export const PENDING_PREFIXES: string[] = [];
