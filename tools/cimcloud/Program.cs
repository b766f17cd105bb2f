using System.Text;
using CimCloud.Cli;

// stdout carries machine-readable output (the compile summary, formatted MOF): buffer it, UTF-8 without BOM, LF.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
var exitCode = CimCloudCli.Run(args, stdout, Console.Error);
stdout.Flush();
return exitCode;
