export {
  describeDiff,
  diffHeaders,
  diffJson,
  diffResponses,
  parseJsonBody,
  VOLATILE_HEADERS,
} from '../../shared/diff';
export {
  cellKey,
  isInside,
  type MatrixRequest,
  matrixRows,
  meets,
  summarizeMatrix,
  verdictOf,
} from '../../shared/matrix';
export { checkProfiles, compareProfiles, type SendAs } from './compare';
export { type MatrixInput, type MatrixProgress, makeCell, runMatrix } from './matrix';
