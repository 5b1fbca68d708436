/** The little of Frictionless' `datapackage` library (no type declarations of its own) that the tests use. */
declare module 'datapackage' {
  export interface Resource {
    name: string;
    read(options?: { keyed?: boolean; relations?: boolean; cast?: boolean }): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}
