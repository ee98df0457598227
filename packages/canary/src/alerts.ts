// Which firing alerts concern a version: those about it, and those about no version in particular.
import type { FiringAlert } from '@flowkit/metrics';

/** The alerts about `version` or about none; every alert when no version is given. */
export function alertsAbout(alerts: FiringAlert[], version: string | undefined): FiringAlert[] {
  return alerts.filter(
    (alert) => version === undefined || alert.version === undefined || alert.version === version,
  );
}
