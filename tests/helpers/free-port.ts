export { freeLoopbackPort as freePort } from '../../src/metrics/free-loopback-port';
