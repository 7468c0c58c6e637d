// Kept at its old path for the tests and tools that import it; the client lives in control/client.ts.
export {
  invokeControl,
  simulatorControl,
  type SimClientView,
  type SimFixtures,
  type SimOrderDetails,
  type SimulatorControl,
} from './control/client.ts';
