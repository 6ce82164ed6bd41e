export { checkProfiles, compareProfiles, type SendAs } from './compare';
export { describeDiff, diffHeaders, diffJson, diffResponses, parseJsonBody, VOLATILE_HEADERS } from './diff';
export { type MatrixInput, type MatrixProgress, makeCell, runMatrix } from './matrix';
export {
  cellKey,
  isInside,
  type MatrixRequest,
  matrixRows,
  meets,
  summarizeMatrix,
  verdictOf,
} from './model';
