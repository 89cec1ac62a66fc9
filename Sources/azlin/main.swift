import ArgumentParser
import AzlinShell

AzlinCommand.main()
