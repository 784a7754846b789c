/**
 * The web-standard globals shared/ uses, which both of its runtimes provide (browsers, and
 * Node since 16). shared/ is type-checked with neither the DOM's types nor Node's, so that
 * anything else from either side fails the check; these are declared once, here.
 */
declare function atob(data: string): string;
declare function btoa(data: string): string;
