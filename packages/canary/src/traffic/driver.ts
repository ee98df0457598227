// How traffic is split between the stable and the canary version, behind one interface; drivers are chosen by name.

/**
 * Moves traffic. `setWeight` is idempotent: setting the weight in force changes nothing and reloads nothing.
 * Weights are whole-number percentages from 0 (all stable) to 100 (all canary), with one decimal allowed
 * below 1 (0.5) only where the driver supports it.
 */
export interface TrafficDriver {
  readonly name: string;
  /** Routes `percent` % of traffic (or of users, for a sticky split) to the canary; resolves once it is in force. */
  setWeight(percent: number): Promise<void>;
  /** The canary weight now in force, or undefined when the driver cannot read it back. */
  currentWeight(): Promise<number | undefined>;
  /** A short line for logs: "nginx: 5 % of users by cookie flowkit_canary (/etc/nginx/flowkit/web.conf)". */
  describe(): string;
}
