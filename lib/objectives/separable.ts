import * as z from "zod/mini";
import { assertObjectiveArgs, type Objective } from "./types";

/** Rastrigin arguments. */
export const rastriginArgsSchema = z.strictObject({ A: z._default(z.number(), 10) });

/** The coordinate of Styblinski–Tang's minimum: the root of 2x^3 - 16x + 2.5 near -2.9. */
const STYBLINSKI_TANG_ARGMIN = findStyblinskiTangArgmin();

function findStyblinskiTangArgmin(): number {
  let x = -2.9;
  for (let k = 0; k < 50; k++) x -= (2 * x ** 3 - 16 * x + 2.5) / (6 * x * x - 16);
  return x;
}

/** Creates Styblinski–Tang 1/2 sum (x_i^4 - 16 x_i^2 + 5 x_i), any n >= 1. */
export function createStyblinskiTang(dim: number | null): Objective {
  return {
    name: "styblinski_tang",
    label: "Styblinski–Tang",
    dim,
    value(x) {
      assertObjectiveArgs("styblinski_tang", dim, x);
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const xi = x[i] as number;
        s += xi ** 4 - 16 * xi * xi + 5 * xi;
      }
      return 0.5 * s;
    },
    gradient(x, out) {
      assertObjectiveArgs("styblinski_tang", dim, x, out);
      for (let i = 0; i < x.length; i++) {
        const xi = x[i] as number;
        out[i] = 2 * xi * xi * xi - 16 * xi + 2.5;
      }
    },
    ...(dim !== null ? { minima: [new Array<number>(dim).fill(STYBLINSKI_TANG_ARGMIN)] } : {}),
    box: { x: [-5, 5], y: [-5, 5] },
  };
}

/** Creates Rastrigin A n + sum (x_i^2 - A cos(2 pi x_i)), any n >= 1; minimum 0 at the origin. */
export function createRastrigin(args: z.infer<typeof rastriginArgsSchema>, dim: number | null): Objective {
  const { A } = args;
  const twoPi = 2 * Math.PI;
  return {
    name: "rastrigin",
    label: "Rastrigin",
    dim,
    value(x) {
      assertObjectiveArgs("rastrigin", dim, x);
      let s = A * x.length;
      for (let i = 0; i < x.length; i++) {
        const xi = x[i] as number;
        s += xi * xi - A * Math.cos(twoPi * xi);
      }
      return s;
    },
    gradient(x, out) {
      assertObjectiveArgs("rastrigin", dim, x, out);
      for (let i = 0; i < x.length; i++) {
        const xi = x[i] as number;
        out[i] = 2 * xi + twoPi * A * Math.sin(twoPi * xi);
      }
    },
    ...(dim !== null ? { minima: [new Array<number>(dim).fill(0)] } : {}),
    box: { x: [-5.12, 5.12], y: [-5.12, 5.12] },
  };
}
