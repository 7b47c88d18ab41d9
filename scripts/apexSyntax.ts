import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';

/** The syntax errors of one Apex class, as `line:column message`; empty when it parses. */
export function apexSyntaxErrors(source: string): string[] {
    const errors: string[] = [];
    class Collector extends ApexErrorListener {
        apexSyntaxError(line: number, column: number, message: string): void {
            errors.push(`${line}:${column} ${message}`);
        }
    }
    const { parser } = ApexParserFactory.createLexerAndParser(source, new Collector());
    parser.compilationUnit();
    return errors;
}
