import * as z from "zod/mini";
import { assertObjectiveArgs, type Objective } from "./types";

/** The 2-D test functions take no arguments. */
export const noArgsSchema = z.strictObject({});

/** Creates Himmelblau's function (x^2 + y - 11)^2 + (x + y^2 - 7)^2, four global minima at 0. */
export function createHimmelblau(): Objective {
  return {
    name: "himmelblau",
    label: "Himmelblau",
    dim: 2,
    value(p) {
      assertObjectiveArgs("himmelblau", 2, p);
      const x = p[0] as number;
      const y = p[1] as number;
      return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
    },
    gradient(p, out) {
      assertObjectiveArgs("himmelblau", 2, p, out);
      const x = p[0] as number;
      const y = p[1] as number;
      const u = x * x + y - 11;
      const v = x + y * y - 7;
      out[0] = 4 * x * u + 2 * v;
      out[1] = 2 * u + 4 * y * v;
    },
    minima: [
      [3, 2],
      [-2.805118086952745, 3.131312518250573],
      [-3.779310253377747, -3.28318599128617],
      [3.584428340330492, -1.848126526964404],
    ],
    box: { x: [-5, 5], y: [-5, 5] },
  };
}

/** Creates Beale's function; minimum 0 at (3, 0.5). */
export function createBeale(): Objective {
  return {
    name: "beale",
    label: "Beale",
    dim: 2,
    value(p) {
      assertObjectiveArgs("beale", 2, p);
      const x = p[0] as number;
      const y = p[1] as number;
      return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y * y * y) ** 2;
    },
    gradient(p, out) {
      assertObjectiveArgs("beale", 2, p, out);
      const x = p[0] as number;
      const y = p[1] as number;
      const y2 = y * y;
      const y3 = y2 * y;
      const t1 = 1.5 - x + x * y;
      const t2 = 2.25 - x + x * y2;
      const t3 = 2.625 - x + x * y3;
      out[0] = 2 * t1 * (y - 1) + 2 * t2 * (y2 - 1) + 2 * t3 * (y3 - 1);
      out[1] = 2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y2;
    },
    minima: [[3, 0.5]],
    box: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
  };
}

/** Creates Booth's function (x + 2y - 7)^2 + (2x + y - 5)^2; minimum 0 at (1, 3). */
export function createBooth(): Objective {
  return {
    name: "booth",
    label: "Booth",
    dim: 2,
    value(p) {
      assertObjectiveArgs("booth", 2, p);
      const x = p[0] as number;
      const y = p[1] as number;
      return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2;
    },
    gradient(p, out) {
      assertObjectiveArgs("booth", 2, p, out);
      const x = p[0] as number;
      const y = p[1] as number;
      const u = x + 2 * y - 7;
      const v = 2 * x + y - 5;
      out[0] = 2 * u + 4 * v;
      out[1] = 4 * u + 2 * v;
    },
    minima: [[1, 3]],
    box: { x: [-10, 10], y: [-10, 10] },
  };
}
