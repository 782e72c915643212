// Imported first by the popup's entry: marks when its modules start to run (the scripts fetched and compiled).
import { popupMark } from './marks';

popupMark('eval');
