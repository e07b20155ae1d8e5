interface MonitoringServerFlags {
  prometheusBaseURL?: string;
  prometheusTenancyBaseURL?: string;
}

/**
 * Whether the console proxies cluster monitoring: it sets `SERVER_FLAGS.prometheus*BaseURL`
 * only when it registers its `/api/prometheus*` routes, which a cluster without monitoring
 * lacks. Outside a console (unit tests) there are no flags, and the answer is yes.
 */
export const monitoringAvailable = (): boolean => {
  const flags = (globalThis as { SERVER_FLAGS?: MonitoringServerFlags }).SERVER_FLAGS;
  return !flags || Boolean(flags.prometheusBaseURL && flags.prometheusTenancyBaseURL);
};
