import ArgumentParser
import AzlinConversation
import AzlinShell

AzlinCommand.main()
