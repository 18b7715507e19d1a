import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy*/waitFor give up after 1 s by default; on a loaded 2-core CI machine a first render
// can take longer. What is awaited is still asserted, only the patience grows.
configure({ asyncUtilTimeout: 10_000 });
