/**
 * Sigma v3 WebGL node program drawing one shape per node type (circle, triangle, square,
 * diamond, hexagon) with an optional border, used to mark insiders and hubs. Written here
 * because sigma core only draws discs; modelled on sigma's NodeCircleProgram (instanced quad,
 * signed-distance fill, same size convention so edges meet the shape).
 */
import type { Attributes } from "graphology-types";
import { NodeProgram } from "sigma/rendering";
import type { ProgramInfo } from "sigma/rendering";
import type { NodeDisplayData, RenderParams } from "sigma/types";
import { floatColor } from "sigma/utils";
import { SHAPES, type Shape } from "./palette.ts";

/** Extra display attributes this program reads from the reducer's output. */
export interface ShapeDisplayData {
  shape?: Shape;
  borderColor?: string;
  /** Border width as a fraction of the radius, 0 for none. */
  borderSize?: number;
}

/**
 * How far a shape may reach from its centre, in radii: polygons are scaled up to look as heavy
 * as the disc, so they reach past it. The quad each node is drawn (and picked) on spans this.
 */
export const SHAPE_EXTENT = 1.6;

const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec4 a_borderColor;
attribute vec2 a_position;
attribute float a_size;
attribute float a_shape;
attribute float a_border;
attribute vec2 a_corner;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;

varying vec4 v_color;
varying vec4 v_borderColor;
varying vec2 v_local;
varying float v_shape;
varying float v_border;
varying float v_feather;

const float bias = 255.0 / 254.0;
const float EXTENT = ${SHAPE_EXTENT.toFixed(2)};

void main() {
  float radius = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  vec2 position = a_position + a_corner * radius * EXTENT;
  gl_Position = vec4((u_matrix * vec3(position, 1)).xy, 0, 1);
  v_local = a_corner * EXTENT;
  v_shape = a_shape;
  v_border = a_border;
  v_feather = u_correctionRatio * 2.0 / max(radius, 1e-6);
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
  v_borderColor = a_borderColor;
}
`;

const FRAGMENT = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec4 v_borderColor;
varying vec2 v_local;
varying float v_shape;
varying float v_border;
varying float v_feather;

const float PI = 3.14159265;
const vec4 transparent = vec4(0.0);

// Distance to a regular polygon with a flat bottom, in units of the radius; polygons are
// scaled up so they look as heavy as the unit disc.
float polygon(vec2 p, float sides, float scale) {
  float sector = 2.0 * PI / sides;
  float angle = atan(p.x, -p.y);
  return cos(floor(0.5 + angle / sector) * sector - angle) * length(p) - scale * cos(PI / sides);
}

float shapeDistance(vec2 p) {
  if (v_shape < 0.5) return length(p) - 1.0;
  if (v_shape < 1.5) return polygon(p + vec2(0.0, 0.3), 3.0, 1.45);
  if (v_shape < 2.5) return polygon(p, 4.0, 1.22);
  if (v_shape < 3.5) return polygon(vec2(p.x + p.y, p.y - p.x) * 0.70710678, 4.0, 1.3);
  return polygon(p.yx, 6.0, 1.1);
}

void main(void) {
  float d = shapeDistance(v_local);
  #ifdef PICKING_MODE
  gl_FragColor = d > 0.0 ? transparent : v_color;
  #else
  vec4 color = v_color;
  if (v_border > 0.0) color = mix(v_color, v_borderColor, smoothstep(-v_border - v_feather, -v_border, d));
  float alpha = 1.0 - smoothstep(-v_feather, 0.0, d);
  gl_FragColor = color * alpha;
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;
const UNIFORMS = ["u_sizeRatio", "u_correctionRatio", "u_matrix"] as const;
type Uniform = (typeof UNIFORMS)[number];

export class NodeShapeProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends NodeProgram<Uniform, N, E, G> {
  getDefinition() {
    return {
      VERTICES: 6,
      VERTEX_SHADER_SOURCE: VERTEX,
      FRAGMENT_SHADER_SOURCE: FRAGMENT,
      METHOD: WebGLRenderingContext.TRIANGLES,
      UNIFORMS,
      ATTRIBUTES: [
        { name: "a_position", size: 2, type: FLOAT },
        { name: "a_size", size: 1, type: FLOAT },
        { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_borderColor", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: "a_shape", size: 1, type: FLOAT },
        { name: "a_border", size: 1, type: FLOAT },
      ],
      CONSTANT_ATTRIBUTES: [{ name: "a_corner", size: 2, type: FLOAT }],
      CONSTANT_DATA: [
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, -1],
        [1, 1],
        [-1, 1],
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
    const extra = data as NodeDisplayData & ShapeDisplayData;
    const array = this.array;
    let i = startIndex;
    array[i++] = data.x;
    array[i++] = data.y;
    array[i++] = data.size;
    array[i++] = floatColor(data.color);
    array[i++] = floatColor(extra.borderColor ?? data.color);
    array[i++] = nodeIndex;
    array[i++] = Math.max(0, SHAPES.indexOf(extra.shape ?? "circle"));
    array[i++] = extra.borderSize ?? 0;
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo<Uniform>): void {
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
  }
}
