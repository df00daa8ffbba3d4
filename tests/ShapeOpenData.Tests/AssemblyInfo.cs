[assembly: TestCollectionOrderer("ShapeOpenData.Tests.Support.ProcessesFirst", "ShapeOpenData.Tests")]
