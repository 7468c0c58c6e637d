import type { GoLiveStatus } from '../../../../shared/contract/goLive.ts';

/** Words, not only colours: a status is readable without colour (and by a screen reader). */
export const STATUS_LABELS: Record<GoLiveStatus, string> = {
  passed: 'Passed',
  failed: 'Failed',
  operator: 'Needs you',
};

export const STATUS_MARKS: Record<GoLiveStatus, string> = { passed: '✓', failed: '✗', operator: '?' };
