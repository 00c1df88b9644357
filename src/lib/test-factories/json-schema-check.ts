// A compact JSON Schema evaluator for tests (no ajv in this project). It knows the keywords that
// @valibot/to-json-schema emits for the program schema, plus the few added through metadata:
// type, properties, required, additionalProperties, patternProperties, propertyNames,
// minProperties/maxProperties, items (schema or tuple),
// additionalItems, minItems/maxItems, minLength/maxLength (in code points, as JSON Schema says),
// pattern, minimum/maximum, exclusiveMinimum/exclusiveMaximum, multipleOf, enum, const,
// anyOf/oneOf/allOf/not, if/then/else, $ref (local JSON pointers) with definitions/$defs.
// Annotations are ignored. Any other keyword throws, so a schema using one cannot pass unnoticed.

export type JsonSchemaNode = boolean | { [keyword: string]: unknown };

export interface SchemaError {
	/** JSON pointer of the value at fault ("" for the root). */
	pointer: string;
	message: string;
}

const ANNOTATIONS = new Set([
	'$schema',
	'$id',
	'$comment',
	'title',
	'description',
	'default',
	'examples',
	'definitions',
	'$defs',
	'readOnly',
	'writeOnly'
]);

const KNOWN = new Set([
	...ANNOTATIONS,
	'type',
	'properties',
	'required',
	'additionalProperties',
	'patternProperties',
	'propertyNames',
	'minProperties',
	'maxProperties',
	'items',
	'additionalItems',
	'minItems',
	'maxItems',
	'minLength',
	'maxLength',
	'pattern',
	'minimum',
	'maximum',
	'exclusiveMinimum',
	'exclusiveMaximum',
	'multipleOf',
	'enum',
	'const',
	'anyOf',
	'oneOf',
	'allOf',
	'not',
	'if',
	'then',
	'else',
	'$ref'
]);

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
	switch (type) {
		case 'integer':
			return typeof value === 'number' && Number.isInteger(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'array':
			return Array.isArray(value);
		case 'object':
			return isObject(value);
		case 'null':
			return value === null;
		default:
			return typeof value === type;
	}
}

function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
	}
	if (isObject(a) && isObject(b)) {
		const keys = Object.keys(a);
		return (
			keys.length === Object.keys(b).length &&
			keys.every((key) => hasOwn(b, key) && deepEqual(a[key], b[key]))
		);
	}
	return false;
}

const escapePointer = (segment: string | number) =>
	String(segment).replaceAll('~', '~0').replaceAll('/', '~1');

function resolveRef(root: JsonSchemaNode, ref: string): JsonSchemaNode {
	if (!ref.startsWith('#')) throw new Error(`only local $ref values are supported: ${ref}`);
	let node: unknown = root;
	const parts = ref.slice(1).split('/').slice(1);
	for (const raw of parts) {
		const part = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
		if (!isObject(node) || !hasOwn(node, part)) throw new Error(`unresolved $ref ${ref}`);
		node = node[part];
	}
	if (typeof node !== 'boolean' && !isObject(node)) throw new Error(`bad $ref target ${ref}`);
	return node as JsonSchemaNode;
}

/** Checks a value against a JSON Schema; returns every error found (empty when valid). */
export function checkJsonSchema(schema: JsonSchemaNode, value: unknown): SchemaError[] {
	const errors: SchemaError[] = [];
	const visit = (node: JsonSchemaNode, data: unknown, pointer: string, out: SchemaError[]) => {
		if (node === true) return;
		if (node === false) {
			out.push({ pointer, message: 'no value is allowed here' });
			return;
		}
		for (const keyword of Object.keys(node)) {
			if (!KNOWN.has(keyword)) throw new Error(`unsupported JSON Schema keyword "${keyword}"`);
		}
		const fail = (message: string) => out.push({ pointer, message });
		const sub = (child: JsonSchemaNode, childData: unknown) => {
			const found: SchemaError[] = [];
			visit(child, childData, pointer, found);
			return found;
		};

		if (typeof node.$ref === 'string') visit(resolveRef(schema, node.$ref), data, pointer, out);

		if (node.type !== undefined) {
			const types = Array.isArray(node.type) ? (node.type as string[]) : [node.type as string];
			if (!types.some((type) => matchesType(data, type))) {
				fail(`must be of type ${types.join(' or ')}, not ${typeOf(data)}`);
				return;
			}
		}
		if (
			node.enum !== undefined &&
			!(node.enum as unknown[]).some((item) => deepEqual(item, data))
		) {
			fail('must be one of the listed values');
		}
		if (hasOwn(node, 'const') && !deepEqual(node.const, data)) fail('must equal the constant');

		if (typeof data === 'number') {
			if (typeof node.minimum === 'number' && data < node.minimum)
				fail(`must be >= ${node.minimum}`);
			if (typeof node.maximum === 'number' && data > node.maximum)
				fail(`must be <= ${node.maximum}`);
			if (typeof node.exclusiveMinimum === 'number' && data <= node.exclusiveMinimum) {
				fail(`must be > ${node.exclusiveMinimum}`);
			}
			if (typeof node.exclusiveMaximum === 'number' && data >= node.exclusiveMaximum) {
				fail(`must be < ${node.exclusiveMaximum}`);
			}
			if (typeof node.multipleOf === 'number' && !Number.isInteger(data / node.multipleOf)) {
				fail(`must be a multiple of ${node.multipleOf}`);
			}
		}

		if (typeof data === 'string') {
			const length = [...data].length;
			if (typeof node.minLength === 'number' && length < node.minLength) fail('too short');
			if (typeof node.maxLength === 'number' && length > node.maxLength) fail('too long');
			if (typeof node.pattern === 'string' && !new RegExp(node.pattern).test(data)) {
				fail(`must match ${node.pattern}`);
			}
		}

		if (Array.isArray(data)) {
			if (typeof node.minItems === 'number' && data.length < node.minItems) fail('too few items');
			if (typeof node.maxItems === 'number' && data.length > node.maxItems) fail('too many items');
			if (Array.isArray(node.items)) {
				const tuple = node.items as JsonSchemaNode[];
				data.forEach((item, index) => {
					const itemSchema =
						index < tuple.length
							? tuple[index]
							: ((node.additionalItems as JsonSchemaNode | undefined) ?? true);
					visit(itemSchema!, item, `${pointer}/${index}`, out);
				});
			} else if (node.items !== undefined) {
				data.forEach((item, index) =>
					visit(node.items as JsonSchemaNode, item, `${pointer}/${index}`, out)
				);
			}
		}

		if (isObject(data)) {
			const properties = (node.properties ?? {}) as Record<string, JsonSchemaNode>;
			const patterns = (node.patternProperties ?? {}) as Record<string, JsonSchemaNode>;
			for (const key of (node.required ?? []) as string[]) {
				if (!hasOwn(data, key)) fail(`missing required property "${key}"`);
			}
			const count = Object.keys(data).length;
			if (typeof node.minProperties === 'number' && count < node.minProperties) {
				fail('too few properties');
			}
			if (typeof node.maxProperties === 'number' && count > node.maxProperties) {
				fail('too many properties');
			}
			for (const key of Object.keys(data)) {
				const at = `${pointer}/${escapePointer(key)}`;
				if (node.propertyNames !== undefined) {
					// A name that fails is reported at the property it names.
					for (const error of sub(node.propertyNames as JsonSchemaNode, key)) {
						out.push({ pointer: at, message: `property name ${error.message}` });
					}
				}
				let matched = false;
				if (hasOwn(properties, key)) {
					matched = true;
					visit(properties[key]!, data[key], at, out);
				}
				for (const [pattern, patternSchema] of Object.entries(patterns)) {
					if (new RegExp(pattern).test(key)) {
						matched = true;
						visit(patternSchema, data[key], at, out);
					}
				}
				if (!matched && node.additionalProperties !== undefined) {
					if (node.additionalProperties === false) {
						out.push({ pointer: at, message: `property "${key}" is not allowed` });
					} else visit(node.additionalProperties as JsonSchemaNode, data[key], at, out);
				}
			}
		}

		if (Array.isArray(node.allOf)) {
			for (const part of node.allOf as JsonSchemaNode[]) visit(part, data, pointer, out);
		}
		if (Array.isArray(node.anyOf)) {
			const options = node.anyOf as JsonSchemaNode[];
			if (!options.some((option) => sub(option, data).length === 0)) {
				fail('must match at least one of anyOf');
			}
		}
		if (Array.isArray(node.oneOf)) {
			const passing = (node.oneOf as JsonSchemaNode[]).filter(
				(option) => sub(option, data).length === 0
			).length;
			if (passing !== 1) fail(`must match exactly one of oneOf (matches ${passing})`);
		}
		if (node.not !== undefined && sub(node.not as JsonSchemaNode, data).length === 0) {
			fail('must not match the "not" schema');
		}
		if (node.if !== undefined) {
			const branch = sub(node.if as JsonSchemaNode, data).length === 0 ? node.then : node.else;
			if (branch !== undefined) visit(branch as JsonSchemaNode, data, pointer, out);
		}
	};
	visit(schema, value, '', errors);
	return errors;
}
