/**
 * Logistic regression by iteratively reweighted least squares (Newton's method on the log
 * likelihood). Each step solves (X'WX + ridge) delta = X'(y - p) - ridge * beta with
 * W = diag(p(1 - p)), X carrying a leading column of ones for the intercept. A small ridge
 * penalty on the coefficients (never the intercept) keeps the fit finite when the outcomes
 * are perfectly separable, where the unpenalized maximum lies at infinity. With ridge 0 the
 * result is the plain maximum-likelihood estimate (tests/unit/scoring-irls.test.ts checks a
 * case whose estimate is known in closed form).
 */

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
}

export interface IrlsOptions {
  ridge?: number;
  maxIterations?: number;
  /** Stop when no parameter moves more than this. */
  tolerance?: number;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Pure: fits P(y = 1 | x) = sigmoid(intercept + coefficients . x). */
export function fitLogistic(rows: readonly number[][], outcomes: readonly (0 | 1)[], options: IrlsOptions = {}): LogisticFit {
  const ridge = options.ridge ?? 1e-2;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  if (rows.length !== outcomes.length || rows.length === 0) throw new Error("fitLogistic needs as many outcomes as rows, at least one");
  const width = rows[0].length + 1;
  const beta = new Array<number>(width).fill(0);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    const gradient = new Array<number>(width).fill(0);
    for (let i = 0; i < rows.length; i++) {
      const x = [1, ...rows[i]];
      const p = sigmoid(dot(beta, x));
      const w = Math.max(p * (1 - p), 1e-10);
      const residual = outcomes[i] - p;
      for (let a = 0; a < width; a++) {
        gradient[a] += x[a] * residual;
        for (let b = a; b < width; b++) hessian[a][b] += w * x[a] * x[b];
      }
    }
    for (let a = 0; a < width; a++) {
      for (let b = 0; b < a; b++) hessian[a][b] = hessian[b][a];
      if (a > 0) {
        hessian[a][a] += ridge;
        gradient[a] -= ridge * beta[a];
      }
    }
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let a = 0; a < width; a++) {
      beta[a] += step[a];
      largest = Math.max(largest, Math.abs(step[a]));
    }
    converged = largest < tolerance;
  }
  return { intercept: beta[0], coefficients: beta.slice(1), iterations, converged };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Gaussian elimination with partial pivoting; a singular direction (a constant column) gets no step. */
function solve(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const m = matrix.map((row, i) => [...row, rhs[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    if (Math.abs(m[col][col]) < 1e-12) continue;
    for (let row = col + 1; row < n; row++) {
      const factor = m[row][col] / m[col][col];
      if (factor === 0) continue;
      for (let k = col; k <= n; k++) m[row][k] -= factor * m[col][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    if (Math.abs(m[row][row]) < 1e-12) continue;
    let sum = m[row][n];
    for (let k = row + 1; k < n; k++) sum -= m[row][k] * x[k];
    x[row] = sum / m[row][row];
  }
  return x;
}
