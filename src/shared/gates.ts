export const GATE_POLICIES = ['each', 'final', 'none'] as const;
export type GatePolicy = (typeof GATE_POLICIES)[number];

export const GATE_TIMEOUT_POLICIES = ['remind', 'approve', 'fail'] as const;
export type GateTimeoutPolicy = (typeof GATE_TIMEOUT_POLICIES)[number];
